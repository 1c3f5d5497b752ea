import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { TWO_FA_THROTTLE_MS } from "@/lib/brands/authplus-schemas";
import { REVET_SPACING_DAYS } from "@/lib/brands/lifecycle";
import { OTP_PIN_TTL_MS } from "@/lib/brands/otp-schemas";
import type { OverviewData } from "@/lib/brands/queries";
import { formatDateTime } from "@/lib/format";
import type { TimelineEntry } from "@/lib/timeline/queries";
import { NotOffered } from "@/components/providers/not-offered";
import type { Capabilities } from "@/lib/providers/capabilities";
import { feesFor } from "@/lib/billing/fees";
import { PROVIDERS } from "@/lib/providers/kinds";
import { IdentityStatus } from "../../_components/brand-labels";
import { AuthPlusResend } from "./authplus-resend";
import { BrandFields } from "./brand-fields";
import { Timeline } from "@/components/timeline/timeline";
import { DeleteBrandButton } from "./delete-brand-button";
import { SendOtpForm, VerifyOtpForm } from "./otp-forms";
import { RevetButton } from "./revet-button";
import { ReadOnlyNote, RegistryErrors, Section } from "./section";
import { TagsEditor } from "./tags-editor";

type Brand = {
  brandId: string; displayName: string | null; entityType: string | null; identityStatus: string | null; status: string | null;
  deletedAt: Date | null; data: unknown;
};

const IDENTITY_MEANING: Record<string, string> = {
  SELF_DECLARED: "Not checked by the registry yet. Sole proprietors stay here until the owner confirms the SMS passcode.",
  UNVERIFIED: "The registry could not confirm this identity. No new campaigns can be registered until it is fixed (revet) or appealed.",
  VERIFIED: "The registry confirmed the identity; campaigns can be registered.",
  VETTED_VERIFIED: "Verified and vetted by an external provider; may unlock use cases and better carrier terms.",
};

const OTP_FINAL_FAIL = /^FAILED_/;

const RECENT = 8;

export function OverviewTab({ brand, data, timeline, canAct, caps }: { brand: Brand; data: OverviewData; timeline: TimelineEntry[]; canAct: boolean; caps: Capabilities }) {
  const fees = feesFor(PROVIDERS[caps.kind].provider);
  const active = !brand.deletedAt && brand.status !== "DELETED";
  const act = canAct && active;
  const sp = brand.entityType === "SOLE_PROPRIETOR";
  const d = (brand.data ?? {}) as Record<string, unknown>;
  const otpStatus = data.otp?.status ?? null;
  const lastOtp = data.otp?.attempts[0] ?? null;
  return (
    <div className="space-y-6">
      <RegistryErrors errors={data.errors} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Section
          id="identity-check"
          title="Verification status"
          description="The registry's check of who the brand is. Its history is on the Activity tab."
          actions={act && !sp && caps.has("brand.revet") ? <RevetButton brandId={brand.brandId} lastRevet={data.lastRevet?.toISOString() ?? null} recent={data.revetRecent} spacingDays={REVET_SPACING_DAYS} fee={fees.revet} billedBy={fees.billedBy} /> : null}
        >
          <div className="space-y-4">
            <div className="space-y-1">
              <IdentityStatus value={brand.identityStatus} />
              {!caps.has("brand.identityStatus") ? <NotOffered caps={caps} capability="brand.identityStatus" what="The identity status" /> : null}
              {brand.identityStatus && IDENTITY_MEANING[brand.identityStatus] ? <p className="text-sm text-muted-foreground">{IDENTITY_MEANING[brand.identityStatus]}</p> : null}
            </div>
            {data.feedback.length ? (
              <div className="space-y-2">
                <h3 className="text-sm font-semibold">Why: the registry&apos;s feedback</h3>
                <ul className="space-y-3">
                  {data.feedback.map((f) => (
                    <li key={f.id} className="rounded-md border p-3 text-sm">
                      <p className="font-medium">{f.title} <code className="font-mono text-xs text-muted-foreground">{f.id}</code></p>
                      <p>{f.meaning}</p>
                      {f.description && f.description !== f.meaning ? <p className="text-muted-foreground">Registry: {f.description}</p> : null}
                      {f.fields.length ? <p className="text-xs text-muted-foreground">Fields concerned: {f.fields.map((x) => <code key={x} className="mr-1 font-mono">{x}</code>)}</p> : null}
                      <p className="mt-1">{f.next}</p>
                    </li>
                  ))}
                </ul>
              </div>
            ) : brand.identityStatus && brand.identityStatus !== "SELF_DECLARED" ? (
              <p className="text-sm text-muted-foreground">No feedback from the registry on this identity check.</p>
            ) : null}
            {act && !sp ? (
              <div className="flex flex-wrap gap-2 text-sm">
                <Link className={buttonVariants({ variant: "outline", size: "sm" })} href={`/brands/${encodeURIComponent(brand.brandId)}/edit`}>Correct the details</Link>
                {caps.has("brand.appeals") ? <Link className={buttonVariants({ variant: "outline", size: "sm" })} href={`/brands/${encodeURIComponent(brand.brandId)}?tab=appeals`}>Appeal with documents</Link> : null}
              </div>
            ) : null}
            {!canAct ? <ReadOnlyNote /> : null}
          </div>
        </Section>

        {sp && !caps.has("brand.smsOtp") ? (
          <Section id="otp" title="SMS passcode (sole proprietor)" description="The owner confirms the brand with a one-time passcode.">
            <NotOffered caps={caps} capability="brand.smsOtp" what="The SMS passcode" />
          </Section>
        ) : null}
        {sp && caps.has("brand.smsOtp") ? (
          <Section id="otp" title="SMS passcode (sole proprietor)" description="The owner confirms the brand with a one-time passcode sent to the brand's mobile phone (US/CA). Campaigns need it.">
            <div className="space-y-4">
              <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
                <div><dt className="text-xs text-muted-foreground">Mobile phone</dt><dd>{String(d.mobilePhone ?? "—")}</dd></div>
                <div><dt className="text-xs text-muted-foreground">Verified</dt><dd>{d.mobilePhoneVerifiedDate ? formatDateTime(String(d.mobilePhoneVerifiedDate)) : otpStatus?.verifyDate ? formatDateTime(otpStatus.verifyDate) : "Not yet"}</dd></div>
                {lastOtp ? (
                  <>
                    <div><dt className="text-xs text-muted-foreground">Last passcode sent</dt><dd>{formatDateTime(lastOtp.sentAt)} · <code className="font-mono text-xs">{lastOtp.referenceId}</code></dd></div>
                    <div><dt className="text-xs text-muted-foreground">Valid until</dt><dd>{formatDateTime(new Date(lastOtp.sentAt.getTime() + OTP_PIN_TTL_MS))}</dd></div>
                    <div className="sm:col-span-2">
                      <dt className="text-xs text-muted-foreground">Delivery (best effort, for troubleshooting)</dt>
                      <dd className="flex flex-wrap items-center gap-2">
                        <Badge tone={otpStatus?.deliveryStatus && OTP_FINAL_FAIL.test(String(otpStatus.deliveryStatus)) ? "danger" : otpStatus?.deliveryStatus === "DELIVERED_HANDSET" ? "success" : "neutral"} className="font-mono">
                          {String(otpStatus?.deliveryStatus ?? "no information yet")}
                        </Badge>
                        {otpStatus?.deliveryStatusDetails ? <span className="text-muted-foreground">{otpStatus.deliveryStatusDetails}</span> : null}
                      </dd>
                    </div>
                  </>
                ) : null}
              </dl>
              {act && !(brand.identityStatus === "VERIFIED" || otpStatus?.verifyDate) ? (
                <>
                  {lastOtp && lastOtp.mode !== "REPLY_YES" ? <VerifyOtpForm brandId={brand.brandId} /> : null}
                  {lastOtp?.mode === "REPLY_YES" ? <p className="text-sm text-muted-foreground">Waiting for the owner to reply YES.</p> : null}
                  {lastOtp ? <h3 className="border-t pt-3 text-sm font-semibold">Not received, or expired? Send a new passcode</h3> : null}
                  <SendOtpForm brandId={brand.brandId} resend={Boolean(lastOtp)} />
                </>
              ) : null}
            </div>
          </Section>
        ) : null}

        {brand.entityType === "PUBLIC_PROFIT" && !caps.has("brand.authPlus") ? (
          <Section id="authplus" title="Authentication+ (public company)" description="The business contact confirms the brand by a 2FA email.">
            <NotOffered caps={caps} capability="brand.authPlus" what="Authentication+" />
          </Section>
        ) : null}
        {data.authPlus && caps.has("brand.authPlus") ? (
          <Section id="authplus" title="Authentication+ (public company)" description="The business contact confirms the brand by a 2FA email. Campaigns need it. Changing the business contact email revokes it.">
            <div className="space-y-4">
              <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
                <div><dt className="text-xs text-muted-foreground">Business contact email</dt><dd className="break-all">{String(d.businessContactEmail ?? "—")}</dd></div>
                <div><dt className="text-xs text-muted-foreground">Email verified</dt><dd>{d.businessContactEmailVerifiedDate ? formatDateTime(String(d.businessContactEmailVerifiedDate)) : "Not yet"}</dd></div>
                {/* Vonage lists no Auth+ vet: the verified date above is all it reports. */}
                {caps.kind === "VONAGE" ? null : <div>
                  <dt className="text-xs text-muted-foreground">Authentication+ vet</dt>
                  <dd><Badge tone={data.authPlus.vettingStatus === "ACTIVE" ? "success" : data.authPlus.vettingStatus === "EXPIRED" || data.authPlus.vettingStatus === "FAILED" ? "danger" : "neutral"} className="font-mono">{data.authPlus.vettingStatus ?? "not started"}</Badge></dd>
                </div>}
                <div><dt className="text-xs text-muted-foreground">Last resent from here</dt><dd>{data.authPlus.lastResend ? formatDateTime(data.authPlus.lastResend) : "Never"}</dd></div>
              </dl>
              <p className="text-xs text-muted-foreground">
                The email can be resent only within 30 days of the start of the verification and at most once every 2 hours
                {data.authPlus.lastResend ? ` (next from ${formatDateTime(new Date(data.authPlus.lastResend.getTime() + TWO_FA_THROTTLE_MS))})` : ""}.
              </p>
              {act && data.authPlus.vettingStatus !== "ACTIVE" && !d.businessContactEmailVerifiedDate ? <AuthPlusResend brandId={brand.brandId} /> : null}
            </div>
          </Section>
        ) : null}

        {caps.has("tags") ? (
          <Section id="tags" title="Tags" description="Keywords the registry stores on the brand, to find it by.">
            <TagsEditor brandId={brand.brandId} tags={data.tags} canAct={act} />
          </Section>
        ) : null}
      </div>

      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="space-y-6">
          <BrandFields data={brand.data} />
        </div>
        <Section
          id="recent-activity"
          title="Recent activity"
          className="h-fit"
          description={
            <>
              Registry notifications and portal actions, newest first.{" "}
              {timeline.length > RECENT ? <Link className="underline" href={`/brands/${encodeURIComponent(brand.brandId)}?tab=activity`}>All {timeline.length} entries</Link> : null}
            </>
          }
        >
          <Timeline subject="brand" entries={timeline.slice(0, RECENT)} />
        </Section>
      </div>

      {act ? (
        <Section id="danger" title="Delete brand" description="Removes the brand from use at the registry, permanently.">
          <div className="space-y-2 text-sm">
            {data.activeCampaigns.length ? (
              <p>
                This brand has active campaigns ({data.activeCampaigns.map((c, i) => <span key={c}>{i ? ", " : ""}<Link className="underline" href={`/campaigns/${encodeURIComponent(c)}`}>{c}</Link></span>)}).
                The registry refuses to delete a brand with active campaigns: deactivate them first.
              </p>
            ) : (
              <p>Allowed only without active campaigns. The brand becomes DELETED for good and can no longer register campaigns.</p>
            )}
            <DeleteBrandButton brandId={brand.brandId} displayName={brand.displayName ?? brand.brandId} activeCampaigns={data.activeCampaigns} />
          </div>
        </Section>
      ) : null}
    </div>
  );
}
