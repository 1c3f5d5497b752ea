import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { NewOrganizationForm } from "./_components/new-organization-form";

export const metadata: Metadata = { title: "New organization" };

export default function NewOrganizationPage() {
  return (
    <div className="max-w-lg space-y-6">
      <PageHeader title="New organization" description="A separate workspace with its own registry connection, members and audit log. You become its owner." />
      <NewOrganizationForm />
    </div>
  );
}
