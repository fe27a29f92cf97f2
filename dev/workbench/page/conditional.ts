/**
 * Conditional formats as the grid draws them. The server evaluates every rule (number,
 * text, empty and custom-formula conditions, the first matching rule winning as in Sheets)
 * and sends each formatted cell's effect; this turns one into CSS over the cell's own style.
 */
import type { ConditionalEffect } from '../protocol';

export function conditionalStyle(
  effect: ConditionalEffect | undefined,
): Partial<CSSStyleDeclaration> {
  if (!effect) return {};
  const style: Partial<CSSStyleDeclaration> = {};
  if (effect.background) style.background = effect.background;
  if (effect.color) style.color = effect.color;
  if (effect.bold !== undefined) style.fontWeight = effect.bold ? '700' : '400';
  if (effect.italic !== undefined) style.fontStyle = effect.italic ? 'italic' : 'normal';
  return style;
}
