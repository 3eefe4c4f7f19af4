import type { ReactiveController, ReactiveControllerHost } from 'lit';

const FOCUSABLE = 'button,a[href],input,select,textarea,[tabindex="0"]';

/**
 * Modal focus handling for the sheet: focus moves in when it opens (and on each new step), Tab cycles inside,
 * Escape closes, and focus goes back to the control that opened it.
 */
export class FocusTrap implements ReactiveController {
  #trigger?: HTMLElement;
  #move = false;
  #restore = false;

  #host: ReactiveControllerHost & HTMLElement;
  #close: () => void;

  constructor(host: ReactiveControllerHost & HTMLElement, close: () => void) {
    this.#host = host;
    this.#close = close;
    host.addController(this);
  }

  get #root() {
    return this.#host.shadowRoot!;
  }

  /** The sheet opens: remember who opened it. */
  open() {
    this.#trigger ??= (this.#root.activeElement as HTMLElement | null) ?? undefined;
    this.#move = true;
  }

  /** The sheet shows a new step: focus its heading after the next render. */
  step() {
    this.#move = true;
  }

  /** The sheet closed: give focus back after the next render. */
  closed() {
    this.#restore = true;
  }

  hostUpdated() {
    if (this.#move) {
      this.#move = false;
      this.#root.querySelector<HTMLElement>('[part~=sheet] [autofocus], [part~=sheet] h2')?.focus();
    }
    if (this.#restore) {
      this.#restore = false;
      const back = this.#trigger?.isConnected ? this.#trigger : this.#root.querySelector<HTMLElement>('h2');
      this.#trigger = undefined;
      back?.focus();
    }
  }

  hostDisconnected() {
    this.#trigger = undefined;
  }

  keydown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      this.#close();
      return;
    }
    if (e.key !== 'Tab') return;
    const sheet = e.currentTarget as HTMLElement;
    const items = [...sheet.querySelectorAll<HTMLElement & { disabled?: boolean }>(FOCUSABLE)].filter(
      (x) => !x.disabled && x.getClientRects().length,
    );
    const active = this.#root.activeElement;
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey ? active === first || !items.includes(active as HTMLElement) : active === last) {
      e.preventDefault();
      (e.shiftKey ? last : first)?.focus();
    }
  };
}
