// Expected errors: their message is safe to show the user. Anything else is unexpected and is reported to the
// user only as a generic message with a log id (see lib/safe-action.ts).
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  readonly status: number = 400;
  constructor(message: string, readonly fieldErrors?: FieldErrors) {
    super(message);
    this.name = new.target.name;
  }
}
export class NotFoundError extends AppError {
  override readonly status = 404;
  constructor(what = "That item") {
    super(`${what} was not found.`);
  }
}
export class ForbiddenError extends AppError {
  override readonly status = 403;
  constructor(message = "Your role does not allow this action.") {
    super(message);
  }
}
export class ValidationFailedError extends AppError {
  override readonly status = 422;
  constructor(fieldErrors: FieldErrors, message = "Some fields need attention.") {
    super(message, fieldErrors);
  }
}
export class ConflictError extends AppError {
  override readonly status = 409;
}
export class RateLimitedError extends AppError {
  override readonly status = 429;
}
export class UnauthenticatedError extends AppError {
  override readonly status = 401;
  constructor() {
    super("Your session has ended. Sign in again.");
  }
}
