export { ExportButton, exportHref, type ExportButtonProps } from "./export-button";
export { FilterBar, filterBarState, type FilterBarProps, type FilterField, type FilterOption } from "./filter-bar";
export { SortHeader, type SortHeaderProps } from "./sort-header";
export { TableEmpty, type TableEmptyProps } from "./table-empty";
export { KeysetPager, type KeysetPagerProps } from "./keyset-pager";
export { TablePager, type TablePagerProps } from "./table-pager";
export { firstValues, hrefFor, nextSort, pageCount, type RawSearchParams, type SortDir, type SortState, type UrlState } from "./url-state";
