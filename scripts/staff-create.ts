// `npm run staff:create -- --email libraire@exemple.fr --role admin [--name "Claire Martin"]`
// Creates a staff account in DATABASE_URL's database. The password is typed (hidden) when run
// in a terminal, or generated when left empty or when stdin is not a terminal; a generated
// password is printed once and stored nowhere.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { generatePassword } from '../lib/auth/password';
import { createPrismaClient } from '../lib/database/prisma-client';
import { CreateStaffSchema } from '../lib/validation/staff';
import { insertStaffAccount } from './lib/staff-account';

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    let asked = false;
    output._writeToOutput = (text: string) => {
      // Echo the question, not the password.
      if (!asked) process.stdout.write(text);
    };
    rl.question(question, (answer) => {
      process.stdout.write('\n');
      rl.close();
      resolve(answer);
    });
    asked = true;
  });
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, role: { type: 'string', default: 'libraire' }, name: { type: 'string' } },
  });
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL manque : indiquez la base où créer le compte.');
  const typed = process.stdin.isTTY ? await askHidden('Mot de passe (vide pour en générer un) : ') : '';
  const generated = typed ? null : generatePassword();
  const parsed = CreateStaffSchema.safeParse({
    email: values.email ?? '',
    name: values.name ?? values.email?.split('@')[0] ?? '',
    role: values.role,
    password: typed || generated,
  });
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'));
  }
  const db = createPrismaClient(url);
  try {
    const { email, name, role } = parsed.data;
    await insertStaffAccount(db, { email, name, role, password: typed || (generated ?? '') });
    console.log(
      `Compte ${role} créé : ${email}${generated ? `, mot de passe ${generated} (affiché une seule fois)` : ''}.`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  const duplicate = error instanceof Error && 'code' in error && error.code === 'P2002';
  console.error(
    duplicate ? 'Un compte existe déjà avec cette adresse e-mail.' : error instanceof Error ? error.message : error,
  );
  process.exit(1);
});
