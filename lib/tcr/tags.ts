/** Searchable keyword tags (tcr-api-part2.md §13). */
import type { z } from "zod";
import { bind, type ResourceDeps } from "./op";
import { NoContent } from "./schemas/common";
import type { TagRecordType } from "./schemas/enums";
import { Tag, TagAssignRequest, TagPage, TagSearchQuery } from "./schemas/tag";

export function tagsApi({ http }: ResourceDeps) {
  return {
    search: bind("tag.search", (query: z.input<typeof TagSearchQuery> = {}) =>
      http.call("tag.search", TagPage, { query: TagSearchQuery.parse(query) })),
    assign: bind("tag.assign", (input: z.input<typeof TagAssignRequest>) =>
      http.call("tag.assign", Tag, { body: TagAssignRequest.parse(input) })),
    /** Path segments are URL-encoded by buildPath, as the reference requires. */
    delete: bind("tag.delete", (name: string, recordType: TagRecordType, recordId: string) =>
      http.call("tag.delete", NoContent, { path: { name, recordType, recordId } })),
  };
}
export type TagsApi = ReturnType<typeof tagsApi>;
