import Module from 'node:module';

interface NodeLoader {
  _load(request: string, parent: unknown, isMain: boolean): unknown;
  _nodeModulePaths(from: string): string[];
}

/**
 * Loads an ES-module-only package (openid-client, oidc-provider) with Node's own require, which loads
 * ES modules since Node 20.19. Node's loader is called directly because jest replaces require (and
 * createRequire) with a registry of its own that cannot load ES modules; under plain Node and in the
 * webpack bundle this is the same as require().
 */
export function loadEsm<T>(name: string): T {
  const loader = Module as unknown as NodeLoader;
  const parent = {
    id: __filename,
    filename: __filename,
    paths: [...loader._nodeModulePaths(__dirname), ...loader._nodeModulePaths(process.cwd())],
  };
  return loader._load(name, parent, false) as T;
}
