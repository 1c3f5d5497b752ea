import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { WIZARD_STEPS } from "@/lib/brands/wizard";
import { formatDateTime } from "@/lib/format";
import { DiscardDraftButton } from "./discard-draft-button";
import { EntityType } from "./brand-labels";

type Draft = { id: string; entityType: string | null; displayName: string | null; step: string; updatedAt: Date };

/** Registrations started in the wizard and not yet submitted: resume or discard. */
export function BrandDrafts({ drafts }: { drafts: Draft[] }) {
  if (drafts.length === 0) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild><h2>Drafts</h2></CardTitle>
        <CardDescription>Registrations started but not submitted. They are saved as you go; nothing has been sent to the registry.</CardDescription>
      </CardHeader>
      <CardContent>
        <Table label="Brand drafts">
          <TableHeader>
            <TableRow>
              <TableHead>Display name</TableHead>
              <TableHead>Entity type</TableHead>
              <TableHead>Reached step</TableHead>
              <TableHead>Last saved</TableHead>
              <TableHead><span className="sr-only">Actions</span></TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {drafts.map((d) => {
              const name = d.displayName ?? "Untitled draft";
              return (
                <TableRow key={d.id}>
                  <TableCell className="font-medium">{name}</TableCell>
                  <TableCell><EntityType value={d.entityType} /></TableCell>
                  <TableCell>{WIZARD_STEPS.find((s) => s.id === d.step)?.title ?? d.step}</TableCell>
                  <TableCell className="whitespace-nowrap">{formatDateTime(d.updatedAt)}</TableCell>
                  <TableCell className="text-right whitespace-nowrap">
                    <Button asChild variant="outline" size="sm">
                      <Link href={`/brands/new?draft=${encodeURIComponent(d.id)}`} aria-label={`Resume draft ${name}`}>Resume</Link>
                    </Button>
                    <DiscardDraftButton draftId={d.id} name={name} />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
