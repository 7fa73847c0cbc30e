import { expect } from 'chai';
import { endsWithSemicolon } from './semicolon';

describe('endsWithSemicolon', () => {
  const yes = (src: string): void => {
    expect(endsWithSemicolon(src), JSON.stringify(src)).to.equal(true);
  };
  const no = (src: string): void => {
    expect(endsWithSemicolon(src), JSON.stringify(src)).to.equal(false);
  };

  it('looks at the last significant character', () => {
    yes('x;');
    yes('const a = 1;\nx;  \n\n');
    no('x');
    no('x;\ny');
    no('');
    no('   \n');
  });

  it('skips trailing comments', () => {
    yes('x; // show nothing');
    yes('x; /* a ; */');
    yes('x;\n/* multi\n line */\n// and more\n');
    no('x // ;');
    no('x /* ; */');
    no('// only a comment;');
    no('/* x; */');
  });

  it('is not fooled by strings and templates', () => {
    no('s = "a;"');
    no("s = 'a;'");
    no('s = "// not a comment;"');
    yes('s = "// not a comment";');
    yes('s = "a\\";"; // "');
    no('t = `a;`');
    no('t = `${";"}`');
    yes('t = `${"}"} // ${1}`;');
    no('t = `a\n;`');
    yes('t = `x ${ { a: `;` }.a } y`;');
    no('t = `x ${ { a: `;` }.a } y`');
  });

  it('is not fooled by regular expressions', () => {
    no('s.replace(/"/g, "")');
    yes('s.replace(/"/g, "");');
    no('r = /;/');
    no('r = /[/;]/');
    yes("r = /'/;");
    yes('a / b;');
    no('a / b // ;');
    no('(a) / 2 / 3');
  });
});
