// Normalises a keydown into the names the command-mode keymap uses: "a", "Shift+Enter",
// "Mod+s" (Ctrl on Linux and Windows, Cmd on macOS), "Alt+Enter", "ArrowUp".

const NAMED = new Set(['Enter', 'Escape', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Backspace', 'Delete', 'Tab']);

export function commandKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): string | null {
  if (e.key === 'Shift' || e.key === 'Control' || e.key === 'Meta' || e.key === 'Alt') return null;
  const base = NAMED.has(e.key) ? e.key : e.key.length === 1 ? e.key.toLowerCase() : null;
  if (base === null) return null;
  let name = base;
  if (e.shiftKey) name = `Shift+${name}`;
  if (e.altKey) name = `Alt+${name}`;
  if (e.ctrlKey || e.metaKey) name = `Mod+${name}`;
  return name;
}
