"use client";

import * as React from "react";
import { LogOut } from "lucide-react";

import { cn } from "@/lib/utils";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

export interface UserMenuProps {
  name?: string | null;
  email: string;
  /** The user's role in the current organization. */
  role?: string;
  /** Signs the user out: next-auth's signOut() from a client wrapper, or a server action. */
  onSignOut: () => void | Promise<unknown>;
  /** Extra menu items (e.g. a link to profile settings), rendered above "Sign out". */
  children?: React.ReactNode;
  className?: string;
}

export function initialsOf(nameOrEmail: string): string {
  const words = nameOrEmail
    .replace(/@.*$/, "")
    .split(/[\s._-]+/)
    .filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0]];
  return (
    letters
      .map((word) => word?.[0] ?? "")
      .join("")
      .toUpperCase() || "?"
  );
}

function UserMenu({ name, email, role, onSignOut, children, className }: UserMenuProps) {
  const [pending, startTransition] = React.useTransition();
  const displayName = name?.trim() || email;

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" data-slot="user-menu" className={cn("h-9 gap-2 px-1.5 sm:px-2", className)}>
          <span
            aria-hidden="true"
            className="flex size-7 shrink-0 items-center justify-center rounded-full bg-primary text-xs font-semibold text-primary-foreground"
          >
            {initialsOf(displayName)}
          </span>
          <span className="sr-only max-w-40 truncate sm:not-sr-only">{displayName}</span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64">
        <DropdownMenuLabel className="flex flex-col gap-1 font-normal">
          <span className="truncate text-sm font-medium text-foreground">{displayName}</span>
          {name?.trim() ? <span className="truncate text-xs text-muted-foreground">{email}</span> : null}
          {role ? (
            <Badge tone="neutral" className="mt-1">
              {role}
            </Badge>
          ) : null}
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        {children}
        <DropdownMenuItem
          disabled={pending}
          onSelect={() => {
            startTransition(async () => {
              await onSignOut();
            });
          }}
        >
          <LogOut aria-hidden="true" />
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

export { UserMenu };
