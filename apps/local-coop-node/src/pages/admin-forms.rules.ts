import { ukLocalToInstant } from './uk-time.rules';

type Form = Record<string, unknown>;

/** A form field that may come once (a string) or many times (an array): always a list of strings. */
function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' && value !== '' ? [value] : [];
}

/**
 * The profile form as `PATCH /profile` takes it: localities typed one a line become a list (a blank box
 * an empty list, which the DTO refuses), and the services ticked a list, none ticked an empty list (the
 * hidden `servicesShown` says the boxes were on the page). Every other field is passed on as typed.
 */
export function profileFormToBody(form: Form): Form {
  const { localities, servicesOffered, servicesShown, ...rest } = form;
  const body: Form = { ...rest };
  if (localities !== undefined) {
    body.localities = String(localities)
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '');
  }
  if (servicesOffered !== undefined || servicesShown !== undefined) body.servicesOffered = listOf(servicesOffered);
  return body;
}

/**
 * The ballot form as `POST /ballots` takes it: the times typed in UK time become instants, the classes
 * and candidates ticked lists. A motion's form carries no election fields and an election's no
 * motion fields, so the DTO judges each kind by its own rules.
 */
export function ballotFormToBody(form: Form): Form {
  const { opensAt, closesAt, eligibleClasses, candidateMemberIds, resolution, stakeholderClass, seats, ...rest } = form;
  const body: Form = { ...rest };
  if (opensAt !== undefined && opensAt !== '') body.opensAt = ukLocalToInstant(opensAt);
  if (closesAt !== undefined && closesAt !== '') body.closesAt = ukLocalToInstant(closesAt);
  if (form.kind === 'election') {
    Object.assign(body, { stakeholderClass, seats, candidateMemberIds: listOf(candidateMemberIds) });
  } else {
    const classes = listOf(eligibleClasses);
    Object.assign(body, { resolution, ...(classes.length ? { eligibleClasses: classes } : {}) });
  }
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}
