// Integration tests serve portals through the built runtime (the production path), so build it
// first when it is missing or older than its sources.
// @ts-expect-error -- a plain .mjs script without type declarations
import { buildIfNeeded } from '../../scripts/build.mjs';

export default function setup(): void {
  (buildIfNeeded as (o: { quiet: boolean }) => boolean)({ quiet: false });
}
