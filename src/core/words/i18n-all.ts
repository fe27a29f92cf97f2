/**
 * The whole catalogue, server and sidebar words together, for tools and tests that speak
 * about both (the workbench, browser tests). The add-on's own bundles never import this.
 */
import { isMessageKey, t as tServer, type Lang, type MessageKey as ServerKey } from './i18n';
import { t as tUi, type UiMessageKey } from './i18n-ui';

export { CATALOGUE, languageOf, LANGS, type Lang } from './i18n';

export type AnyMessageKey = ServerKey | UiMessageKey;

export function t(
  lang: Lang,
  key: AnyMessageKey,
  vars: Record<string, string | number> = {},
): string {
  return isMessageKey(key) ? tServer(lang, key, vars) : tUi(lang, key as UiMessageKey, vars);
}
