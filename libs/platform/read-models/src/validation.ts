import { Filter, FindQuery, SortOrder } from './port';

/** A query or document the read models refuse; nothing was read or written. */
export class InvalidReadModelInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidReadModelInputError';
  }
}

const FIELD_OPERATORS = new Set([
  '$eq',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$nin',
  '$exists',
  '$all',
  '$size',
  '$elemMatch',
  '$regex',
  '$options',
  '$not',
]);
const LOGICAL_OPERATORS = new Set(['$and', '$or', '$nor']);
const MAX_PAGE = 1_000;

export function validateFilter(filter: Filter, path = 'filter'): void {
  if (!isPlainObject(filter)) throw new InvalidReadModelInputError(`${path} must be an object`);
  for (const [key, value] of Object.entries(filter)) {
    if (LOGICAL_OPERATORS.has(key)) {
      if (!Array.isArray(value) || value.length === 0)
        throw new InvalidReadModelInputError(`${path}.${key} must be a non-empty array of filters`);
      value.forEach((entry, index) => validateFilter(entry as Filter, `${path}.${key}[${index}]`));
    } else if (key.startsWith('$')) {
      throw new InvalidReadModelInputError(`${path}: operator ${key} is not supported here`);
    } else {
      validateCondition(value, `${path}.${key}`);
    }
  }
}

function validateCondition(condition: unknown, path: string): void {
  if (!isPlainObject(condition) || !Object.keys(condition).some((key) => key.startsWith('$'))) {
    validateValue(condition, path);
    return;
  }
  for (const [operator, operand] of Object.entries(condition)) {
    if (!FIELD_OPERATORS.has(operator))
      throw new InvalidReadModelInputError(`${path}: operator ${operator} is not supported here`);
    if ((operator === '$in' || operator === '$nin' || operator === '$all') && !Array.isArray(operand)) {
      throw new InvalidReadModelInputError(`${path}.${operator} must be an array`);
    }
    if (operator === '$regex' && typeof operand !== 'string')
      throw new InvalidReadModelInputError(`${path}.$regex must be a string`);
    if (operator === '$not' || operator === '$elemMatch') validateCondition(operand, `${path}.${operator}`);
    else validateValue(operand, `${path}.${operator}`);
  }
}

function validateValue(value: unknown, path: string): void {
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new InvalidReadModelInputError(`${path} must be a finite number`);
  if (Array.isArray(value)) value.forEach((entry, index) => validateValue(entry, `${path}[${index}]`));
  else if (isPlainObject(value)) {
    for (const [key, entry] of Object.entries(value)) {
      if (key.startsWith('$')) throw new InvalidReadModelInputError(`${path}: operator ${key} is not supported here`);
      validateValue(entry, `${path}.${key}`);
    }
  }
}

export function validateFindQuery(query: FindQuery): void {
  if (query.filter !== undefined) validateFilter(query.filter);
  if (query.sort !== undefined) validateSort(query.sort);
  if (query.skip !== undefined && !(Number.isInteger(query.skip) && query.skip >= 0)) {
    throw new InvalidReadModelInputError('skip must be a whole number of 0 or more');
  }
  if (query.limit !== undefined && !(Number.isInteger(query.limit) && query.limit >= 1 && query.limit <= MAX_PAGE)) {
    throw new InvalidReadModelInputError(`limit must be a whole number from 1 to ${MAX_PAGE}`);
  }
}

function validateSort(sort: SortOrder): void {
  for (const [field, order] of Object.entries(sort)) {
    if (field.startsWith('$') || field === '')
      throw new InvalidReadModelInputError(`cannot sort by ${JSON.stringify(field)}`);
    if (order !== 1 && order !== -1) throw new InvalidReadModelInputError(`sort order of ${field} must be 1 or -1`);
  }
}

/**
 * Documents are plain JSON that MongoDB and FerretDB both store the same way: no keys with a
 * leading `$` or a `.`, no arrays directly inside arrays, no non-finite numbers.
 */
export function validateDocument(document: unknown, path = 'document'): void {
  if (Array.isArray(document)) {
    document.forEach((entry, index) => {
      if (Array.isArray(entry))
        throw new InvalidReadModelInputError(`${path}[${index}]: arrays inside arrays cannot be stored`);
      validateDocument(entry, `${path}[${index}]`);
    });
  } else if (isPlainObject(document)) {
    for (const [key, value] of Object.entries(document)) {
      if (key.startsWith('$') || key.includes('.') || key === '')
        throw new InvalidReadModelInputError(`${path}: key ${JSON.stringify(key)} cannot be stored`);
      if (key === '_id') throw new InvalidReadModelInputError(`${path}: _id is reserved; use id`);
      validateDocument(value, `${path}.${key}`);
    }
  } else if (typeof document === 'number' && !Number.isFinite(document)) {
    throw new InvalidReadModelInputError(`${path} must be a finite number`);
  } else if (document !== null && !['string', 'number', 'boolean'].includes(typeof document)) {
    throw new InvalidReadModelInputError(`${path} must be JSON (string, number, boolean, null, array or object)`);
  }
}

/** Validates every document of a batch before any of it is written. */
export function validateDocuments(documents: readonly { readonly id: string }[]): void {
  for (const document of documents) {
    validateId(document.id);
    validateDocument(document);
  }
}

/** Documents written by position must each carry one. */
export function validateProjectedDocuments(documents: readonly { readonly id: string }[]): void {
  validateDocuments(documents);
  for (const document of documents) validateProjectedPosition(positionOf(document));
}

export function validateProjectedPosition(position: unknown): asserts position is number {
  if (typeof position !== 'number' || !Number.isSafeInteger(position) || position < 0)
    throw new InvalidReadModelInputError('projectedPosition must be a whole number of at least 0');
}

export function positionOf(document: object): unknown {
  return (document as { projectedPosition?: unknown }).projectedPosition;
}

export function validateId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || id === '' || id.length > 200)
    throw new InvalidReadModelInputError('id must be a string of 1 to 200 characters');
}

export function withIdTieBreak(sort: SortOrder | undefined): Record<string, 1 | -1> {
  return { ...sort, id: sort?.['id'] ?? 1 };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
