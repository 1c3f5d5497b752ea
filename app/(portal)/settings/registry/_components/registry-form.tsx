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
import { PROVIDERS, providerKindOf, type ProviderKind } from "@/lib/providers/kinds";
import { saveConnectionAction } from "@/lib/registry/actions";
import { registryConnectionSchema } from "@/lib/registry/schemas";

type Values = z.input<typeof registryConnectionSchema>;
type Current = { baseUrl: string; provider: "TCR" | "VONAGE" | "TELNYX"; authMode: "BEARER" | "BASIC"; apiKeyHint: string; hasSecret: boolean; hasWebhookSecret: boolean } | null;

/**
 * The upstream is one choice (TCR direct, TCR through an aggregator, Vonage, Telnyx); it sets the stored provider and
 * authentication together, and the fields below follow it. `kinds` lists the upstreams this portal has adapters for;
 * `sandboxUrl` is the built-in sandbox's origin when it runs, to suggest each upstream's sandbox base URL.
 */
export function RegistryForm({ current, canEdit, kinds, sandboxUrl }: { current: Current; canEdit: boolean; kinds: ProviderKind[]; sandboxUrl: string | null }) {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, resetField, control, setValue } = useForm<Values>({
    resolver: zodResolver(registryConnectionSchema),
    defaultValues: { baseUrl: current?.baseUrl ?? "", provider: current?.provider ?? "TCR", authMode: current?.authMode ?? "BEARER", apiKey: "", apiSecret: "", webhookSecret: "" },
  });
  const [provider, mode] = useWatch({ control, name: ["provider", "authMode"] });
  const kind = providerKindOf({ provider: provider ?? "TCR", authMode: mode });
  const info = PROVIDERS[kind];
  const chooseKind = (k: ProviderKind) => {
    setValue("provider", PROVIDERS[k].provider, { shouldDirty: true });
    setValue("authMode", PROVIDERS[k].authMode, { shouldDirty: true, shouldValidate: formState.isSubmitted });
  };
  const sandboxBase = sandboxUrl ? `${sandboxUrl}${info.sandboxPath}` : null;
  const pushesWebhooks = info.provider === "TCR";

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
            <FormField label="Upstream" htmlFor="kind" error={formState.errors.provider?.message ?? formState.errors.authMode?.message} required
              description={info.summary}>
              <NativeSelect id="kind" value={kind} onChange={(e) => chooseKind(e.target.value as ProviderKind)}>
                {kinds.map((k) => <option key={k} value={k}>{PROVIDERS[k].label}</option>)}
              </NativeSelect>
            </FormField>
            <FormField label="API base URL" htmlFor="baseUrl" error={formState.errors.baseUrl?.message} required
              description={`For example ${info.baseUrlHint}.${sandboxBase ? ` The built-in sandbox serves this upstream at ${sandboxBase}.` : ""}`}>
              <Input inputMode="url" autoComplete="off" spellCheck={false} {...register("baseUrl")} />
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
            {pushesWebhooks ? <FormField label="Webhook signing secret" htmlFor="webhookSecret" error={formState.errors.webhookSecret?.message}
              description={current?.hasWebhookSecret
                ? "A webhook secret is stored. Leave empty to keep it."
                : mode === "BASIC"
                  ? "Optional: the registry signs webhooks with your API secret, which is used when this is empty."
                  : "The secret your aggregator signs webhooks with (X-Registry-Signature). Webhooks are refused until it is set."}>
              <Input type="password" autoComplete="off" spellCheck={false} {...register("webhookSecret")} />
            </FormField> : null}
            {canEdit ? <Button type="submit">{formState.isSubmitting ? "Saving…" : "Save connection"}</Button> : null}
          </fieldset>
        </form>
      </CardContent>
    </Card>
  );
}
