"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { applyActionResult } from "@/components/form/apply-action-result";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { saveConnectionAction } from "@/lib/registry/actions";
import { registryConnectionSchema } from "@/lib/registry/schemas";

type Values = z.input<typeof registryConnectionSchema>;
type Current = { baseUrl: string; authMode: "BEARER" | "BASIC"; apiKeyHint: string; hasSecret: boolean; hasWebhookSecret: boolean } | null;

export function RegistryForm({ current, canEdit }: { current: Current; canEdit: boolean }) {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, resetField, control } = useForm<Values>({
    resolver: zodResolver(registryConnectionSchema),
    defaultValues: { baseUrl: current?.baseUrl ?? "", authMode: current?.authMode ?? "BEARER", apiKey: "", apiSecret: "", webhookSecret: "" },
  });
  const mode = useWatch({ control, name: "authMode" });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const message = applyActionResult(await saveConnectionAction(values), setError);
    if (message) return setFormError(message);
    resetField("apiKey");
    resetField("apiSecret");
    resetField("webhookSecret");
    toast.success("Registry connection saved.");
  });

  return (
    <Card>
      <CardContent className="pt-6">
        <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Registry connection">
          {formError ? <Alert tone="danger"><AlertDescription>{formError}</AlertDescription></Alert> : null}
          <fieldset disabled={!canEdit || formState.isSubmitting} className="space-y-4">
            <FormField label="API base URL" htmlFor="baseUrl" error={formState.errors.baseUrl?.message} required
              description="Ends in /v2. The built-in TCR sandbox is http://127.0.0.1:4010/v2.">
              <Input inputMode="url" autoComplete="off" spellCheck={false} {...register("baseUrl")} />
            </FormField>
            <FormField label="Authentication" htmlFor="authMode" error={formState.errors.authMode?.message} required>
              <NativeSelect {...register("authMode")}>
                <option value="BEARER">Aggregator: Bearer API key</option>
                <option value="BASIC">Registry: Basic API key and secret</option>
              </NativeSelect>
            </FormField>
            <FormField label="API key" htmlFor="apiKey" error={formState.errors.apiKey?.message} required={!current}
              description={current ? `Stored key ${current.apiKeyHint}. Leave empty to keep it.` : undefined}>
              <Input type="password" autoComplete="off" spellCheck={false} {...register("apiKey")} />
            </FormField>
            {mode === "BASIC" ? (
              <FormField label="API secret" htmlFor="apiSecret" error={formState.errors.apiSecret?.message} required={!current?.hasSecret}
                description={current?.hasSecret ? "A secret is stored. Leave empty to keep it." : undefined}>
                <Input type="password" autoComplete="off" spellCheck={false} {...register("apiSecret")} />
              </FormField>
            ) : null}
            <FormField label="Webhook signing secret" htmlFor="webhookSecret" error={formState.errors.webhookSecret?.message}
              description={current?.hasWebhookSecret
                ? "A webhook secret is stored. Leave empty to keep it."
                : mode === "BASIC"
                  ? "Optional: the registry signs webhooks with your API secret, which is used when this is empty."
                  : "The secret your aggregator signs webhooks with (X-Registry-Signature). Webhooks are refused until it is set."}>
              <Input type="password" autoComplete="off" spellCheck={false} {...register("webhookSecret")} />
            </FormField>
            {canEdit ? <Button type="submit">{formState.isSubmitting ? "Saving…" : "Save connection"}</Button> : null}
          </fieldset>
        </form>
      </CardContent>
    </Card>
  );
}
