// Validates an OpenAPI document (read as JSON from stdin) against the OpenAPI 3.x specification and the parser's own
// checks (duplicate operationIds, duplicate parameters, unresolvable $refs); exit code 0 means valid.
import { validate, compileErrors } from '@readme/openapi-parser';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const result = await validate(JSON.parse(input), { validate: { errors: { colorize: false } } });
if (!result.valid) {
  console.error(compileErrors(result));
  process.exit(1);
}
for (const warning of result.warnings) console.error('warning: ' + warning.message);
console.log('valid');
