/** Searchable keyword tags (tcr-api-part2.md §13). */
import { z } from "zod";
import { TagRecordType } from "./enums";
import { PageQuery, pageOf } from "./common";
import { TagName } from "./brand";

export const Tag = z.looseObject({
  name: z.string(),
  recordType: z.string().nullable().optional(),
  recordId: z.string().nullable().optional(),
});
export type Tag = z.infer<typeof Tag>;
export const TagPage = pageOf(Tag);

export const TagSearchQuery = z.strictObject({
  name: z.string().optional(),
  recordId: z.string().optional(),
  recordType: TagRecordType.optional(),
  ...PageQuery,
});
export type TagSearchQuery = z.infer<typeof TagSearchQuery>;

export const TagAssignRequest = z.strictObject({
  name: TagName,
  recordType: TagRecordType,
  recordId: z.string().min(1),
});
export type TagAssignRequest = z.infer<typeof TagAssignRequest>;
export { TagName };
