// Binding patterns, as found in declarations: which names they bind.
import type { Identifier, Pattern } from 'acorn';

/** The identifiers a declaration's binding pattern binds, in source order. */
export function boundIdentifiers(pattern: Pattern, out: Identifier[] = []): Identifier[] {
  switch (pattern.type) {
    case 'Identifier':
      out.push(pattern);
      break;
    case 'ObjectPattern':
      for (const p of pattern.properties) boundIdentifiers(p.type === 'RestElement' ? p.argument : p.value, out);
      break;
    case 'ArrayPattern':
      for (const el of pattern.elements) if (el) boundIdentifiers(el, out);
      break;
    case 'RestElement':
      boundIdentifiers(pattern.argument, out);
      break;
    case 'AssignmentPattern':
      boundIdentifiers(pattern.left, out);
      break;
    case 'MemberExpression':
      // Only assignment targets contain these; a declaration binds no name through them.
      break;
  }
  return out;
}
