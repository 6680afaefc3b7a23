import { createPublicKey } from 'node:crypto';

import { ValidateBy, ValidationArguments } from 'class-validator';

import { parsePrivateKey, parsePublicKey, samePublicKey } from './auth-keys';

const AUTH_KEYS_HELP = "made by the app's auth-keys command";
const RETIRED_SECRET = 'JWT_SECRET is no longer used: each app checks ES256 tokens with its own key pair';

type AuthFields = { AUTH_PUBLIC_KEY?: string; AUTH_PRIVATE_KEY?: string; JWT_SECRET?: string };

/** The server's key: the public one, or derived from the private one when only that is given. */
export function AuthPublicKey(): PropertyDecorator {
  return ValidateBy({
    name: 'authPublicKey',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        const o = args?.object as AuthFields;
        if (value === undefined) return o.AUTH_PRIVATE_KEY !== undefined;
        const key = typeof value === 'string' ? parsePublicKey(value) : null;
        if (!key) return false;
        const privateKey = o.AUTH_PRIVATE_KEY ? parsePrivateKey(o.AUTH_PRIVATE_KEY) : null;
        return !privateKey || samePublicKey(createPublicKey(privateKey), key);
      },
      defaultMessage: (args?: ValidationArguments) => {
        const o = args?.object as AuthFields;
        if (args?.value === undefined) {
          return `AUTH_PUBLIC_KEY must be set: the app's ES256 public key (SPKI, PEM or one line of base64) that checks sign-in tokens, ${AUTH_KEYS_HELP}${o.JWT_SECRET ? ` (${RETIRED_SECRET}; AUTH_PRIVATE_KEY is needed only to mint tokens)` : ''}`;
        }
        if (typeof args.value === 'string' && parsePublicKey(args.value))
          return 'AUTH_PUBLIC_KEY must be the public half of AUTH_PRIVATE_KEY';
        return `AUTH_PUBLIC_KEY must be a P-256 public key (SPKI) as PEM or one line of base64, ${AUTH_KEYS_HELP}`;
      },
    },
  });
}

export function AuthPrivateKey(required: boolean): PropertyDecorator {
  return ValidateBy({
    name: 'authPrivateKey',
    validator: {
      validate: (value: unknown) => (value === undefined ? !required : typeof value === 'string' && parsePrivateKey(value) !== null),
      defaultMessage: (args?: ValidationArguments) =>
        args?.value === undefined
          ? `AUTH_PRIVATE_KEY must be set: the app's ES256 private key (PKCS#8, PEM or one line of base64) that signs its tokens, ${AUTH_KEYS_HELP}${(args?.object as AuthFields).JWT_SECRET ? ` (${RETIRED_SECRET})` : ''}`
          : `AUTH_PRIVATE_KEY must be a P-256 private key (PKCS#8) as PEM or one line of base64, ${AUTH_KEYS_HELP}`,
    },
  });
}
