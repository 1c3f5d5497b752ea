import { describe, expect, it } from "vitest";
import { carrierCompletion } from "./completion";

const mnoIds = ["10017", "10035"];
const states = (r: ReturnType<typeof carrierCompletion>) => r.map((x) => x.state);

describe("carrierCompletion (5.10 rule: every requested MNO has an accepted DCA in the provisional chain)", () => {
  it("terminal states decide for every carrier", () => {
    expect(states(carrierCompletion({ mnoIds, migrationStatus: "COMPLETE", hop: null, targetIsDca: null }))).toEqual(["MET", "MET"]);
    expect(states(carrierCompletion({ mnoIds, migrationStatus: "CANCELED", hop: { sharingStatus: "ACCEPTED", dcaComplete: true }, targetIsDca: true }))).toEqual(["NOT_MET", "NOT_MET"]);
  });
  it("open: pending, declined, DCA-complete, elected per carrier, excluded", () => {
    expect(states(carrierCompletion({ mnoIds, migrationStatus: "ACTIVE", hop: { upstreamCnpId: "SDCA002", sharingStatus: "PENDING" }, targetIsDca: true }))).toEqual(["WAITING", "WAITING"]);
    expect(states(carrierCompletion({ mnoIds, migrationStatus: "ACTIVE", hop: { sharingStatus: "DECLINED" }, targetIsDca: true }))).toEqual(["NOT_MET", "NOT_MET"]);
    expect(states(carrierCompletion({ mnoIds, migrationStatus: "ACTIVE", hop: { sharingStatus: "ACCEPTED", dcaComplete: true }, targetIsDca: true }))).toEqual(["MET", "MET"]);
    expect(states(carrierCompletion({ mnoIds, migrationStatus: "ACTIVE", hop: { sharingStatus: "ACCEPTED", electedMnoIds: ["10017"] }, targetIsDca: true }))).toEqual(["MET", "WAITING"]);
    expect(states(carrierCompletion({ mnoIds, migrationStatus: "ACTIVE", hop: { sharingStatus: "ACCEPTED", dcaComplete: true, excludedMnoIds: ["10035"] }, targetIsDca: true }))).toEqual(["MET", "NOT_MET"]);
  });
  it("a CNP target hides the DCAs above it; no hop read yet is unknown too", () => {
    expect(states(carrierCompletion({ mnoIds, migrationStatus: "ACTIVE", hop: { upstreamCnpId: "SCNP002", sharingStatus: "ACCEPTED" }, targetIsDca: false }))).toEqual(["UNKNOWN", "UNKNOWN"]);
    expect(states(carrierCompletion({ mnoIds, migrationStatus: "ACTIVE", hop: null, targetIsDca: true }))).toEqual(["UNKNOWN", "UNKNOWN"]);
  });
});
