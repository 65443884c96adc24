import { AppError } from "../../errors";

/** A deletion refused because of the data's state (409), with a message safe to show. */
export const conflict = (message: string) => new AppError(message, 409);
