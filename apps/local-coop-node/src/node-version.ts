import { version } from '../../../package.json';

/** The node software's version, reported to the hub at registration and in every heartbeat. */
export const NODE_VERSION: string = version;
