/**
 * Sample published pages (privacy policies, terms, an opt-in page) for the portal's published-page check in
 * tests and demos: GET /pages/<name>. Plain HTML the way brands publish it; one policy with the carriers'
 * standard clause, one that sells mobile numbers, one redirect into a private address. No registry logic.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

export const PAGES_PREFIX = "/pages";

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:system-ui;max-width:46rem;margin:2rem auto;line-height:1.5}</style>
<script>window.analytics = window.analytics || [];</script></head>
<body><header><a href="/">Acme Outdoors</a></header><main><h1>${title}</h1>${body}</main>
<footer>&copy; 2026 Acme Outdoors Inc. &middot; 123 6th Ave, New York, NY 10001</footer></body></html>`;

const PRIVACY_GOOD = page("Privacy Policy", `
<p>Acme Outdoors Inc. (&ldquo;Acme&rdquo;, &ldquo;we&rdquo;) explains here what we collect when you visit our website, shop in our stores or join our SMS program, and how we use it.</p>
<h2>Information we collect</h2><p>Your name, email address, mobile phone number, shipping address and order history.</p>
<h2>How we use information</h2><p>To fulfil orders, send the text messages you asked for, answer your questions and improve our service.</p>
<h2>Sharing</h2><p>We share information with service providers who host our website and process payments on our behalf.</p>
<p>No mobile information will be shared with third parties/affiliates for marketing/promotional purposes. Information sharing to subcontractors in support services, such as customer service, is permitted. All the above categories exclude text messaging originator opt-in data and consent; this information will not be shared with any third parties.</p>
<h2>Text messages</h2><p>You can cancel the SMS service at any time: text STOP to the number you received messages from. Reply HELP for help. Msg &amp; data rates may apply.</p>
<h2>Contact</h2><p>privacy@acme-outdoors.com, (212) 555-0142.</p>`);

const PRIVACY_SELLS = page("Privacy Policy", `
<p>Acme Deals collects your name, email address and mobile number when you sign up for text message offers on our website.</p>
<h2>Sharing</h2><p>We do not sell your email address. However, we may sell or share your mobile number and opt-in consent with our marketing partners so they can send you their offers.</p>
<p>Questions? Write to privacy@acme-deals.example and we will answer within 30 days.</p>`);

const TERMS = page("SMS Terms and Conditions", `
<p>Acme Outdoors Alerts: by checking the SMS box at checkout you agree to receive recurring marketing text messages about offers and store events from Acme Outdoors.</p>
<p>Message frequency varies, up to 4 msgs/month. Msg &amp; data rates may apply. Reply HELP for help and STOP to cancel at any time.</p>
<p>Carriers are not liable for delayed or undelivered messages. Consent is not a condition of purchase. See our <a href="/pages/privacy-good">Privacy Policy</a>.</p>`);

const OPT_IN = page("Get Acme texts", `
<form><label>Mobile number <input name="phone" type="tel"></label>
<label><input type="checkbox" name="sms"> Yes, send me recurring marketing texts from Acme Outdoors. Up to 4 msgs/month. Msg &amp; data rates may apply. Reply HELP for help, STOP to cancel. Consent is not a condition of purchase. <a href="/pages/terms">Terms</a> &amp; <a href="/pages/privacy-good">Privacy</a>.</label>
<button>Sign up</button></form>`);

type Reply = { status: number; headers: Record<string, string>; body?: string };

const html = (body: string): Reply => ({ status: 200, headers: { "content-type": "text/html; charset=utf-8" }, body });

const ROUTES: Record<string, () => Reply> = {
  "privacy-good": () => html(PRIVACY_GOOD),
  "privacy-sells": () => html(PRIVACY_SELLS),
  terms: () => html(TERMS),
  "opt-in": () => html(OPT_IN),
  // A hop to our own page first, so a test sees a redirect that is followed.
  "privacy-moved": () => ({ status: 301, headers: { location: `${PAGES_PREFIX}/privacy-good` } }),
  // The metadata address of a cloud host: the portal's fetcher must refuse the hop.
  "redirect-to-private": () => ({ status: 302, headers: { location: "http://169.254.169.254/latest/meta-data/" } }),
  "not-found": () => ({ status: 404, headers: { "content-type": "text/html; charset=utf-8" }, body: page("Not found", "<p>This page does not exist.</p>") }),
};

/** Answers GET/HEAD /pages/<name>; any other name is a 404. */
export function handlePages(req: IncomingMessage, res: ServerResponse, path: string): void {
  const name = path.slice(PAGES_PREFIX.length + 1);
  const route = ROUTES[name];
  const reply = route && (req.method === "GET" || req.method === "HEAD") ? route() : ROUTES["not-found"]!();
  res.writeHead(reply.status, { ...reply.headers, "cache-control": "no-store" });
  res.end(req.method === "HEAD" ? undefined : reply.body);
}

export const SAMPLE_PAGES = Object.keys(ROUTES);
