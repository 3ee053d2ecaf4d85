import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { PluginMetadataGenerator } from '@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator';
import { ReadonlyVisitor } from '@nestjs/swagger/plugin';

/**
 * Writes apps/api/src/swagger-metadata.ts: the @nestjs/swagger CLI plugin's view of every DTO
 * and controller (property types, optionality, class-validator limits, doc comments). The plugin
 * normally runs inside `tsc`; this project compiles with SWC, so the metadata is generated here
 * and loaded at run time (house style B.7).
 */
export const METADATA_DIR = 'apps/api/src';
export const METADATA_FILE = 'swagger-metadata.ts';

export function generateSwaggerMetadata(outputDir = METADATA_DIR, filename = METADATA_FILE): void {
  if (filename === METADATA_FILE) {
    // The generator type-checks the project, which imports this very file: start from an empty
    // stub so a stale file (naming a removed DTO) cannot block its own regeneration.
    writeFileSync(
      join(outputDir, filename),
      '/* eslint-disable */\nexport default async () => ({});\n',
    );
  }
  new PluginMetadataGenerator().generate({
    visitors: [
      new ReadonlyVisitor({
        introspectComments: true,
        classValidatorShim: true,
        pathToSource: `${process.cwd()}/${outputDir}`,
        dtoFileNameSuffix: ['.dto.ts', '.response.ts'],
        controllerFileNameSuffix: ['.controller.ts'],
      }),
    ],
    outputDir,
    filename,
    // Only the app's sources: DTOs and controllers live there, and test or web files cannot block it.
    tsconfigPath: 'tsconfig.openapi.json',
    printDiagnostics: false,
  });
}

if (require.main === module) {
  generateSwaggerMetadata();
  console.log(`Wrote ${METADATA_DIR}/${METADATA_FILE}`);
}
