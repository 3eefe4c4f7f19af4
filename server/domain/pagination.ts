/** Creem's pagination object. */
export interface Pagination {
  total_records: number;
  total_pages: number;
  current_page: number;
  next_page: number | null;
  prev_page: number | null;
}

export interface Page<T> {
  items: T[];
  pagination: Pagination;
}

export interface PageRequest {
  page: number;
  size: number;
}

/** One page of an already filtered and sorted list; a page past the end is empty, not an error. */
export function paginate<T>(all: readonly T[], { page, size }: PageRequest): Page<T> {
  const totalPages = Math.ceil(all.length / size);
  return {
    items: all.slice((page - 1) * size, page * size),
    pagination: {
      total_records: all.length,
      total_pages: totalPages,
      current_page: page,
      next_page: page < totalPages ? page + 1 : null,
      prev_page: page > 1 ? Math.min(page - 1, Math.max(totalPages, 1)) : null,
    },
  };
}
