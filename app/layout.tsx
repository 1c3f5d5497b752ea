import type { Metadata } from "next";
import localFont from "next/font/local";
import { connection } from "next/server";
import { Toaster } from "@/components/ui/toaster";
import { Providers } from "@/app/providers";
import "./globals.css";

// next/font/google needs the network at build time; the font ships in an npm package instead.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
});

export const metadata: Metadata = {
  title: { default: "CampaignDesk", template: "%s · CampaignDesk" },
  description: "Register and run 10DLC brands and campaigns with The Campaign Registry.",
};

// Every page renders per request: Next puts the request's CSP nonce (set by proxy.ts) on its scripts only while
// rendering, so a page prerendered at build time would carry no nonce and its scripts would be blocked.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en" className={inter.variable}>
      <body className="font-sans antialiased">
        <Providers>{children}</Providers>
        <Toaster />
      </body>
    </html>
  );
}
