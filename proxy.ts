import { withAuth } from "next-auth/middleware";

// First gate only: a request without a valid session cookie goes to sign-in. The portal layout and every
// server action then check the session row, membership and role against the database.
export const proxy = withAuth({ pages: { signIn: "/sign-in" } });

export const config = {
  matcher: ["/((?!api/auth|api/health|api/webhooks|sign-in|_next/static|_next/image|favicon.ico|fonts/).*)"],
};
