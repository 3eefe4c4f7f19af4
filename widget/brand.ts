/**
 * The merchant's brand colour as the default accent, with text that stays readable on it. Custom
 * properties on the host: no style attribute string, no inline <style>, CSP-safe. Anything but
 * `#rrggbb` is ignored.
 */
export function applyBrand(host: HTMLElement, color: string) {
  if (!/^#[0-9a-f]{6}$/i.test(color)) return;
  host.style.setProperty('--_brand', color);
  host.style.setProperty('--_brand-fg', luminance(color) > 0.18 ? '#111318' : '#fff');
}

/** Relative luminance of a #rrggbb colour (WCAG). */
function luminance(hex: string) {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
