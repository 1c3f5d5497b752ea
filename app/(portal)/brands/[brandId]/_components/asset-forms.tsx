"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useCallback, useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { applyActionResult } from "@/components/form/apply-action-result";
import { FileDropZone, type UploadedFile } from "@/components/form/file-drop-zone";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { ASSET_EVIDENCE_KIND, ASSET_LIMITS, uploadAssetSchema } from "@/lib/brands/assets-schemas";
import { appealBrandAssetAction, deleteBrandAssetAction, uploadBrandAssetAction, verifyBrandAssetAction } from "@/lib/brands/lifecycle-actions";
import { formatBytes } from "@/lib/evidence/kinds";
import { AppealForm, type AppealCategory } from "./appeal-form";
import { ConfirmButton } from "./confirm-button";

type Values = z.input<typeof uploadAssetSchema>;

const rule = (t: "LOGO" | "BANNER") => `${ASSET_LIMITS[t].width}×${ASSET_LIMITS[t].height} px, JPEG or PNG, up to ${formatBytes(ASSET_LIMITS[t].maxBytes)}`;

/** Upload the image to the library (checked there: type by content, exact size, bytes), then send it as an asset. */
export function UploadAssetForm({ brandId, full }: { brandId: string; full: Record<"LOGO" | "BANNER", boolean> }) {
  const [formError, setFormError] = useState<string | null>(null);
  const [dropKey, setDropKey] = useState(0);
  const { register, handleSubmit, formState, setError, setValue, control, reset } = useForm<Values>({
    resolver: zodResolver(uploadAssetSchema),
    defaultValues: { brandId, type: "LOGO", name: "", fileId: "" },
  });
  const type = useWatch({ control, name: "type" });
  const fileId = useWatch({ control, name: "fileId" });
  const onUploaded = useCallback((f: UploadedFile) => setValue("fileId", f.id, { shouldValidate: true }), [setValue]);
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const message = applyActionResult(await uploadBrandAssetAction(values), setError);
    if (message) return setFormError(message);
    toast.success(`${values.type === "LOGO" ? "Logo" : "Banner"} “${values.name}” added. Submit it for verification when ready.`);
    reset({ brandId, type: values.type, name: "", fileId: "" });
    setDropKey((k) => k + 1);
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label="Upload a brand asset">
      {formError ? <Alert tone="danger"><AlertDescription>{formError}</AlertDescription></Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField label="Type" htmlFor="asset-type" required description={rule(type)}>
          <NativeSelect
            {...register("type", {
              onChange: () => {
                setValue("fileId", "");
                setDropKey((k) => k + 1);
              },
            })}
          >
            <option value="LOGO" disabled={full.LOGO}>Logo{full.LOGO ? " (50 already)" : ""}</option>
            <option value="BANNER" disabled={full.BANNER}>Banner{full.BANNER ? " (50 already)" : ""}</option>
          </NativeSelect>
        </FormField>
        <FormField label="Asset name" htmlFor="asset-name" required error={formState.errors.name?.message} description="Unique within the brand; letters, digits, inner spaces, dashes, underscores.">
          <Input {...register("name")} />
        </FormField>
      </div>
      <FileDropZone
        key={`${type}-${dropKey}`}
        kind={ASSET_EVIDENCE_KIND[type]}
        label={`${type === "LOGO" ? "Logo" : "Banner"} image`}
        hint={rule(type)}
        maxBytes={ASSET_LIMITS[type].maxBytes}
        maxFiles={1}
        accept={{ "image/jpeg": [".jpg", ".jpeg"], "image/png": [".png"] }}
        onUploaded={onUploaded}
      />
      {formState.errors.fileId ? <p className="text-sm text-danger-foreground">{formState.errors.fileId.message}</p> : null}
      <Button type="submit" disabled={formState.isSubmitting || !fileId} aria-busy={formState.isSubmitting || undefined}>
        {formState.isSubmitting ? "Sending…" : "Add asset"}
      </Button>
    </form>
  );
}

export function AssetActions({ brandId, name, canVerify, verifyBlocked, canAppeal, appealDeadline, canDelete, deleteBlocked, categories }: {
  brandId: string; name: string; canVerify: boolean; verifyBlocked: string | null; canAppeal: boolean; appealDeadline: string | null;
  canDelete: boolean; deleteBlocked: string | null; categories: AppealCategory[];
}) {
  const [pending, start] = useTransition();
  const [appealing, setAppealing] = useState(false);
  const verify = () =>
    start(async () => {
      const r = await verifyBrandAssetAction({ brandId, name });
      if (r.ok) toast.success(`“${name}” submitted for verification.`);
      else toast.error(r.error);
    });
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="outline" onClick={verify} disabled={pending || !canVerify} title={verifyBlocked ?? undefined} aria-label={`Submit ${name} for verification`}>
          Submit for verification
        </Button>
        {canAppeal ? (
          <Button size="sm" variant="outline" onClick={() => setAppealing((a) => !a)} aria-expanded={appealing} aria-label={`Appeal ${name}`}>Appeal…</Button>
        ) : null}
        <ConfirmButton
          label="Remove"
          variant="outline"
          confirmVariant="destructive"
          disabled={!canDelete}
          title={`Remove the asset “${name}”?`}
          confirmLabel="Remove permanently"
          description={<p>The registry deletes the image for good. Upload it again to use it later.</p>}
          run={() => deleteBrandAssetAction({ brandId, name })}
          success={`“${name}” removed.`}
        />
      </div>
      {!canVerify && verifyBlocked ? <p className="text-xs text-muted-foreground">Verification: {verifyBlocked}</p> : null}
      {!canDelete && deleteBlocked ? <p className="text-xs text-muted-foreground">Remove: {deleteBlocked}</p> : null}
      {canAppeal && appealDeadline ? <p className="text-xs text-muted-foreground">Appeal open until {new Date(appealDeadline).toLocaleDateString()} (45 days from upload).</p> : null}
      {appealing ? (
        <div className="rounded-md border p-3">
          <AppealForm
            idPrefix={`asset-${name.replace(/\W/g, "_")}`}
            categories={categories}
            submitLabel={`Send appeal for ${name}`}
            onSubmit={(v) => appealBrandAssetAction({ brandId, name, ...v })}
            onDone={() => setAppealing(false)}
          />
        </div>
      ) : null}
    </div>
  );
}
