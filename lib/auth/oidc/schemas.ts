import { z } from "zod";
import { idText } from "../../validation/text";

export const UnlinkIdentitySchema = z.object({ identityId: idText("That linked account could not be found.") });
