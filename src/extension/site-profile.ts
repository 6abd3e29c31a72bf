/** Keeps a page's overlay on the profile chosen for its site, when it is changed in the popup, the options or another tab. */
import type { ProfileId } from '../workflow/types';
import { defaultProfile, profileForOrigin, siteProfiles } from './settings';

export function watchSiteProfile(origin: string, onProfile: (profile: ProfileId) => void): () => void {
  const refresh = () => void profileForOrigin(origin).then(onProfile);
  const unwatch = [siteProfiles.watch(refresh), defaultProfile.watch(refresh)];
  return () => unwatch.forEach((stop) => stop());
}
