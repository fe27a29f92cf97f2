/**
 * The poster's colours as a reader sees them, written out by hand (not read from the layout
 * table), so a test fails when one changes.
 */
export const INK = '#202124';
export const MUTED = '#5f6368';
export const GRID = '#dadce0';
export const BLUE = '#1a73e8';
export const RED = '#d93025';
export const GREEN = '#188038';
export const AMBER = '#e37400';
export const STRIPE = '#f8f9fa';
export const PALE_RED = '#fce8e6';
export const PALE = '#f1f3f4';
export const WHITE = '#ffffff';
export const NOTE_ON_BLUE = '#fde293';
