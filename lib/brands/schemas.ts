import { z } from "zod";

// Registry brand ids are short uppercase codes (e.g. "B1A2B3C"); the bound only keeps junk out of queries.
export const refreshBrandSchema = z.object({ brandId: z.string().trim().min(1).max(30) });
