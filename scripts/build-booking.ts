/**
 * Builds the hosted booking page's two bundles from components/booking, with esbuild:
 *
 * - the client island (browser): React, React Query and the picker, minified, with a content hash
 *   in its name; with its stylesheet, served under /book/assets/;
 * - the server renderer (Node): the same components rendered to HTML with React's full server
 *   renderer, which Next.js does not offer inside route handlers. Packages stay external.
 *
 * Both builds see the same CSS modules, so the class names the server writes are the ones the
 * stylesheet defines and the island hydrates. Output: dist/booking/ (manifest.json names the
 * files). `npm run dev` (scripts/dev.ts) runs it in watch mode; CSS changes need a restart.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = process.cwd();
export const OUT_DIR = path.join(ROOT, 'dist/booking');
const ASSETS_DIR = path.join(OUT_DIR, 'assets');
const SOURCE_DIR = path.join(ROOT, 'components/booking');

const shared: esbuild.BuildOptions = {
  bundle: true,
  jsx: 'automatic',
  tsconfig: path.join(ROOT, 'tsconfig.json'),
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
  // Next.js directives mean nothing to these bundles.
  logOverride: { 'module-level-directive': 'silent' },
  metafile: true,
  // Stylesheets are built once, by buildStyles; the bundles only need their class names.
  loader: { '.css': 'empty' },
};

export type BookingManifest = { script: string; stylesheet: string };
type ClassNames = Record<string, Record<string, string>>;

/**
 * The page's stylesheet (theme + the booking CSS modules) and each module's class names. Built
 * apart from the bundles so that minifying the island cannot rename classes differently from the
 * server renderer.
 */
async function buildStyles(): Promise<{ stylesheet: string; classNames: ClassNames }> {
  const modules = fs
    .readdirSync(SOURCE_DIR)
    .filter((file) => file.endsWith('.module.css'))
    .map((file) => path.join(SOURCE_DIR, file));
  const contents = [
    `import '../theme.css';`,
    ...modules.map((file, i) => `import m${i} from ${JSON.stringify(file)};`),
    `export default { ${modules.map((file, i) => `${JSON.stringify(file)}: m${i}`).join(', ')} };`,
  ].join('\n');
  const result = await esbuild.build({
    stdin: { contents, resolveDir: SOURCE_DIR, sourcefile: 'styles.ts', loader: 'ts' },
    bundle: true,
    write: false,
    outdir: ASSETS_DIR,
    format: 'esm',
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  });
  const css = result.outputFiles.find((file) => file.path.endsWith('.css'));
  const js = result.outputFiles.find((file) => file.path.endsWith('.js'));
  if (!css || !js) throw new Error('The booking styles build produced no CSS or no class names');
  const hash = createHash('sha256').update(css.contents).digest('base64url').slice(0, 10);
  const stylesheet = `page-${hash}.css`;
  fs.writeFileSync(path.join(ASSETS_DIR, stylesheet), css.contents);
  const mod = (await import(`data:text/javascript,${encodeURIComponent(js.text)}`)) as {
    default: ClassNames;
  };
  return { stylesheet, classNames: mod.default };
}

/** `import styles from './x.module.css'` becomes the class names buildStyles gave that file. */
function classNamesPlugin(classNames: ClassNames): esbuild.Plugin {
  return {
    name: 'parley-class-names',
    setup(build) {
      build.onResolve({ filter: /\.module\.css$/ }, (args) => ({
        path: path.resolve(args.resolveDir, args.path),
        namespace: 'class-names',
      }));
      build.onLoad({ filter: /.*/, namespace: 'class-names' }, (args) => {
        const names = classNames[args.path];
        if (!names) return { errors: [{ text: `No class names built for ${args.path}` }] };
        return { contents: `export default ${JSON.stringify(names)};`, loader: 'js' };
      });
    },
  };
}

function clientOptions(plugins: esbuild.Plugin[]): esbuild.BuildOptions {
  return {
    ...shared,
    entryPoints: { island: path.join(SOURCE_DIR, 'entry-client.tsx') },
    outdir: ASSETS_DIR,
    entryNames: '[name]-[hash]',
    platform: 'browser',
    format: 'esm',
    target: ['es2020', 'chrome100', 'safari15', 'firefox100'],
    minify: true,
    legalComments: 'none',
    plugins,
  };
}

function serverOptions(plugins: esbuild.Plugin[]): esbuild.BuildOptions {
  return {
    ...shared,
    entryPoints: { render: path.join(SOURCE_DIR, 'entry-server.tsx') },
    outdir: OUT_DIR,
    outExtension: { '.js': '.mjs' },
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    minifyWhitespace: true,
    plugins,
  };
}

/** After each client build: the manifest names the current files; older ones are removed. */
function manifestPlugin(stylesheet: () => string): esbuild.Plugin {
  return {
    name: 'parley-booking-manifest',
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length > 0) return;
        const outputs = Object.keys(result.metafile?.outputs ?? {}).map((f) => path.basename(f));
        const script = outputs.find((f) => /^island-.*\.js$/.test(f));
        if (!script) throw new Error(`Unexpected island outputs: ${outputs.join(', ')}`);
        const manifest: BookingManifest = { script, stylesheet: stylesheet() };
        for (const file of fs.readdirSync(ASSETS_DIR)) {
          if (file !== script && file !== manifest.stylesheet)
            fs.rmSync(path.join(ASSETS_DIR, file));
        }
        fs.writeFileSync(path.join(OUT_DIR, 'manifest.json'), JSON.stringify(manifest, null, 2));
      });
    },
  };
}

/** Builds both bundles once; with `watch`, keeps rebuilding them as components/booking changes. */
export async function buildBookingPage({ watch = false } = {}): Promise<void> {
  fs.mkdirSync(ASSETS_DIR, { recursive: true });
  const styles = await buildStyles();
  const names = classNamesPlugin(styles.classNames);
  const server = serverOptions([names]);
  // The manifest, written after the client build, is the sign that both bundles are ready.
  const client = clientOptions([names, manifestPlugin(() => styles.stylesheet)]);
  if (!watch) {
    await esbuild.build(server);
    await esbuild.build(client);
    return;
  }
  const contexts = [await esbuild.context(server), await esbuild.context(client)];
  for (const context of contexts) await context.rebuild();
  await Promise.all(contexts.map((context) => context.watch()));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  void buildBookingPage().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
