import { describe, expect, it } from "vitest";
import { analysePrivacy, checkPage, decodeEntities, extractText, privacyFindings, termsFindings } from "./check";
import type { PageFetchResult } from "./fetch";

const ok = (body: string, contentType = "text/html; charset=utf-8", status = 200): PageFetchResult =>
  ({ ok: true, requestedUrl: "https://acme.example/privacy", finalUrl: "https://acme.example/privacy", status, contentType, body, hops: ["https://acme.example/privacy"] });

const ids = (f: { ruleId: string; severity: string }[]) => f.map((x) => `${x.ruleId}:${x.severity}`);

/** A real-world shaped policy with the carriers' standard SMS clause. */
const GOOD_POLICY = `<!doctype html><html><head><title>Privacy Policy | Acme Outdoors</title>
<style>body { font-family: sans-serif }</style><script>window.dataLayer=[]; var t = "we sell your phone number to partners";</script></head>
<body><nav><a href="/">Home</a></nav><main><h1>Privacy Policy</h1>
<p>Acme Outdoors LLC (&ldquo;we&rdquo;, &ldquo;us&rdquo;) respects your privacy. This policy explains what we collect when you visit our website, shop with us or join our SMS program.</p>
<h2>Information we collect</h2><p>Name, email address, mobile phone number, order history and the pages you visit.</p>
<h2>How we use it</h2><p>To process orders, send the text messages you asked for, and answer questions.</p>
<h2>Sharing</h2><p>We may share information with service providers who host our website and process payments on our behalf.</p>
<p>No mobile information will be shared with third parties/affiliates for marketing/promotional purposes. Information sharing to subcontractors in support services, such as customer service, is permitted. All the above categories exclude text messaging originator opt-in data and consent; this information will not be shared with any third parties.</p>
<h2>SMS</h2><p>You can cancel the SMS service at any time. Just text &quot;STOP&quot; to the short code. For help, reply HELP. Msg &amp; data rates may apply.</p>
<h2>Contact</h2><p>privacy@acme-outdoors.example &middot; 123 Main St, Springfield</p></main></body></html>`;

const SELLS_POLICY = `<html><body><h1>Privacy</h1>
<p>We collect your name, email and mobile number when you sign up for text message offers from Acme Deals and our family of brands across the country.</p>
<p>We do not sell your email address. However, we may share your mobile number and opt-in consent with our marketing partners so they can send you offers.</p>
<p>Contact us at help@acme.example with any question.</p></body></html>`;

describe("text extraction", () => {
  it("drops scripts, styles and markup and decodes entities", () => {
    const t = extractText(GOOD_POLICY);
    expect(t).toContain("Privacy Policy | Acme Outdoors");
    expect(t).toContain("Acme Outdoors LLC (“we”, “us”)");
    expect(t).toContain("Msg & data rates may apply.");
    expect(t).not.toContain("dataLayer");
    expect(t).not.toContain("font-family");
    expect(t).not.toContain("we sell your phone number");
    expect(t).not.toMatch(/<|>/);
  });

  it("decodes numeric and named entities and leaves unknown ones", () => {
    expect(decodeEntities("&#39;a&#x27; &amp;&nbsp;&lt;b&gt; &bogus; &#0;")).toBe("'a' & <b> &bogus; \uFFFD");
  });

  it("keeps block boundaries as line breaks and ignores comments", () => {
    expect(extractText("<div>One</div><div>Two<br>Three</div><!-- we sell numbers -->")).toBe("One\nTwo\nThree");
  });
});

describe("privacy wording", () => {
  it("accepts the standard carrier clause", () => {
    const w = analysePrivacy(extractText(GOOD_POLICY));
    expect(w.mentionsSms).toBe(true);
    expect(w.sharesSmsData).toEqual([]);
    expect(w.noSharingClauses.length).toBeGreaterThan(0);
    expect(privacyFindings(extractText(GOOD_POLICY))).toEqual([]);
  });

  it("blocks a policy that shares mobile numbers and consent with marketing partners, even after a negated sentence", () => {
    const f = privacyFindings(extractText(SELLS_POLICY));
    expect(ids(f)).toEqual(["page.privacy-shares-sms:block"]);
    expect(f[0]?.detail).toMatch(/share your mobile number and opt-in consent with our marketing partners/);
    expect(f[0]?.fields).toEqual(["privacyPolicyLink"]);
  });

  it.each([
    "We will not sell, rent or share your mobile phone number with third parties.",
    "Your phone number will not be sold or shared with any third party or affiliate for marketing purposes.",
    "We never share SMS opt-in data or consent with third parties.",
    "Text messaging originator opt-in data and consent won't be shared with affiliates.",
    "Mobile information is not shared with third parties; neither is it sold to advertisers.",
  ])("reads a negation: %s", (sentence) => {
    const text = `Acme Outdoors privacy policy. We send text messages to subscribers who ask for them. ${sentence} Contact us at privacy@acme.example for questions about this policy.`;
    expect(ids(privacyFindings(text))).toEqual([]);
  });

  it.each([
    "We may sell your mobile number to third parties.",
    "Phone numbers collected for our SMS program are shared with our affiliates for their own marketing.",
    "We rent our text message subscriber list, including phone numbers, to other companies.",
    "We do not sell your email address, and we share your phone number with advertisers.",
    "We do not share your personal information, except that we may share your mobile number with partners.",
  ])("blocks an affirmation: %s", (sentence) => {
    const text = `Acme privacy policy for our SMS alerts program and website visitors in the United States. ${sentence}`;
    expect(ids(privacyFindings(text))).toContain("page.privacy-shares-sms:block");
  });

  it("does not block sharing with the vendors that deliver the messages", () => {
    const text = "We use text messages to send order updates. We share your phone number with service providers who deliver our SMS messages on our behalf. No mobile information will be shared with third parties for marketing purposes.";
    expect(ids(privacyFindings(text))).toEqual([]);
  });

  it("warns when the policy never mentions SMS or mobile data", () => {
    const text = "We collect your name and email when you create an account. We use cookies to improve the website. We do not sell personal information. Contact us at privacy@acme.example.";
    expect(ids(privacyFindings(text))).toEqual(["page.privacy-sms:warn"]);
  });

  it("warns when SMS is mentioned without a no-sharing clause", () => {
    const text = "We send text messages to customers who opt in at checkout. You can reply STOP at any time. Contact us at privacy@acme.example.";
    expect(ids(privacyFindings(text))).toEqual(["page.privacy-no-sharing-clause:warn"]);
  });

  it("warns about a \"with your consent\" escape and about general sharing of personal data", () => {
    const escape = "Our SMS program respects you. We will not share your mobile number with third parties except with your consent.";
    expect(ids(privacyFindings(escape))).toEqual(["page.privacy-consent-escape:warn"]);
    const general = "No mobile information will be shared with third parties/affiliates for marketing/promotional purposes. We may share your personal information with our affiliates and business partners for their own purposes.";
    expect(ids(privacyFindings(general))).toEqual(["page.privacy-shares-data:warn"]);
  });
});

describe("terms wording", () => {
  it("accepts SMS terms with the disclosures", () => {
    const text = "Acme Alerts SMS program: you will receive order updates. Message frequency varies. Msg & data rates may apply. Reply HELP for help, STOP to cancel.";
    expect(termsFindings(text)).toEqual([]);
  });

  it("names the missing disclosures", () => {
    const f = termsFindings("By joining our text message program you agree to receive marketing messages. Reply STOP to cancel.");
    expect(ids(f)).toEqual(["page.terms-disclosures:warn"]);
    expect(f[0]?.detail).toBe("missing: HELP, message and data rates, message frequency");
  });

  it("warns when the terms do not cover SMS at all", () => {
    expect(ids(termsFindings("These terms govern the use of our website and the purchase of goods."))).toEqual(["page.terms-sms:warn"]);
  });
});

describe("checkPage", () => {
  it("passes the good policy", () => {
    const r = checkPage("PRIVACY", ok(GOOD_POLICY));
    expect(r).toMatchObject({ loaded: true, findings: [] });
    expect(r.text).toContain("No mobile information will be shared");
  });

  it("blocks a page that does not load, with the fetcher's reason", () => {
    const refused: PageFetchResult = { ok: false, requestedUrl: "http://10.0.0.1/p", finalUrl: "http://10.0.0.1/p", reason: "private-address", message: "Refused to fetch 10.0.0.1: it resolves to 10.0.0.1, a private address, which is not a public web server.", hops: [] };
    const r = checkPage("PRIVACY", refused);
    expect(r.loaded).toBe(false);
    expect(r.findings).toMatchObject([{ ruleId: "page.loads", severity: "block", fields: ["privacyPolicyLink"], detail: refused.message }]);
    expect(checkPage("TERMS", ok("gone", "text/html", 404)).findings).toMatchObject([{ ruleId: "page.loads", severity: "block", fields: ["termsAndConditionsLink"], detail: "HTTP 404 at https://acme.example/privacy" }]);
  });

  it("accepts an image as opt-in evidence but warns on a policy that is not a web page", () => {
    const image: PageFetchResult = { ok: false, requestedUrl: "u", finalUrl: "u", status: 200, reason: "content-type", message: "The page is image/png, not an HTML or text page.", hops: [] };
    expect(checkPage("OPT_IN", image)).toMatchObject({ loaded: true, findings: [] });
    expect(checkPage("PRIVACY", { ...image, message: "The page is application/pdf, not an HTML or text page." }).findings).toMatchObject([{ ruleId: "page.not-html", severity: "warn" }]);
  });

  it("warns on a page whose text only JavaScript would show", () => {
    expect(checkPage("PRIVACY", ok("<html><body><div id=root></div><script src=/app.js></script></body></html>")).findings).toMatchObject([{ ruleId: "page.empty", severity: "warn" }]);
  });

  it("reads text/plain as it is", () => {
    const r = checkPage("TERMS", ok("Acme SMS terms. Message frequency varies. Msg & data rates may apply. Reply HELP for help, STOP to cancel. Carriers are not liable for delayed messages.", "text/plain"));
    expect(r).toMatchObject({ loaded: true, findings: [] });
  });
});

describe("PAGE_RULES", () => {
  it("documents every rule the checks emit, at the severity they emit it", async () => {
    const { PAGE_RULES } = await import("./check");
    const emitted = new Map<string, string>();
    const collect = (fs: { ruleId: string; severity: string }[]) => fs.forEach((f) => emitted.set(f.ruleId, f.severity));
    collect(checkPage("PRIVACY", ok("gone", "text/html", 500)).findings);
    collect(privacyFindings(extractText(SELLS_POLICY)));
    collect(privacyFindings("We collect names. We do not sell personal information. Contact us at privacy@acme.example for details."));
    collect(privacyFindings("We send text messages to customers who opt in at checkout. Contact us at privacy@acme.example."));
    collect(privacyFindings("Our SMS program. We will not share your mobile number with third parties except with your consent. We may share your personal information with our affiliates for their own purposes."));
    collect(termsFindings("Website terms only."));
    collect(termsFindings("Our text message program. Reply STOP to cancel."));
    const refused = (reason: "content-type" | "too-large"): PageFetchResult => ({ ok: false, requestedUrl: "u", finalUrl: "u", status: 200, reason, message: "m", hops: [] });
    collect(checkPage("TERMS", refused("content-type")).findings);
    collect(checkPage("OPT_IN", refused("too-large")).findings);
    collect(checkPage("PRIVACY", ok("<p>Privacy</p>")).findings);
    expect(Object.fromEntries(emitted)).toEqual(Object.fromEntries(PAGE_RULES.map((r) => [r.id, r.severity])));
  });
});
