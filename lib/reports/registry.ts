import { auditReport } from "./audit";
import { brandsReport } from "./brands";
import { campaignsReport } from "./campaigns";
import {
  bulkJobItemsReport, migrationsReport, partnerCampaignsReport, phoneNumbersReport, statusHistoryReport, vettingsReport,
} from "./more-reports";
import { outgoingReport } from "./outgoing";
import { erase, type Report } from "./types";

/** Every downloadable report, in the order the Reports page lists them. Ids are URL segments: /api/exports/<id>. */
export const REPORTS: readonly Report[] = [
  erase(brandsReport),
  erase(campaignsReport),
  erase(statusHistoryReport),
  erase(migrationsReport),
  erase(outgoingReport),
  erase(partnerCampaignsReport),
  erase(bulkJobItemsReport),
  erase(vettingsReport),
  erase(phoneNumbersReport),
  erase(auditReport),
];

export function findReport(id: string): Report | null {
  return REPORTS.find((r) => r.id === id) ?? null;
}
