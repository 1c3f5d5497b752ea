import { PageHeader } from "@/components/layout/page-header";
import { SettingsTabs } from "./_components/settings-tabs";

export default function SettingsLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="space-y-6">
      <PageHeader title="Settings" description="Members and roles, the registry connection, webhooks, resellers and sign-in security of this organization." />
      <SettingsTabs />
      {children}
    </div>
  );
}
