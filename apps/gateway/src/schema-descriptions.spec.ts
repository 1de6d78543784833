import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';

/** Every type, field, argument and enum value of the committed schema says what it is, for supervisors. */
describe('the schema’s descriptions', () => {
  it('leave nothing undescribed', () => {
    const schema = buildSchema(readFileSync(join(__dirname, '..', 'schema.gql'), 'utf8'));
    const missing: string[] = [];
    const need = (what: string, description: string | null | undefined) => {
      if (!description || description.trim().length < 3) missing.push(what);
    };
    for (const type of Object.values(schema.getTypeMap())) {
      if (
        type.name.startsWith('__') ||
        (isScalarType(type) && ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))
      )
        continue;
      if (['Query', 'Mutation', 'Subscription'].includes(type.name)) {
        // Root types need no description of their own; their operations do.
      } else {
        need(type.name, type.description);
      }
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          need(`${type.name}.${field.name}`, field.description);
          for (const arg of 'args' in field ? field.args : [])
            need(`${type.name}.${field.name}(${arg.name})`, arg.description);
        }
      }
      if (isEnumType(type))
        for (const value of type.getValues()) need(`${type.name}.${value.name}`, value.description ?? type.description);
      if (isUnionType(type)) need(type.name, type.description);
    }
    expect(missing).toEqual([]);
  });
});
