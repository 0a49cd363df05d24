import type { Form, FormField } from '../../../src/core/index.js';
import { fieldInputPrefix } from '../inbound/card-action.js';
import { textBlock, type CardElement } from './adaptive-card.js';

/**
 * A Form's inputs as Adaptive Card elements: its title, then Input.Text (multi-line for `textarea`) or a compact
 * Input.ChoiceSet (`select`) per field, with ids `field.<FormField.id>` so the submission's `value` carries them next
 * to the submit button's data. Required fields are marked so Teams checks them before it submits.
 */
export function formElements(form: Form): CardElement[] {
  return [textBlock(form.title, { bold: true }), ...form.fields.map(inputOf)];
}

function inputOf(field: FormField): CardElement {
  const common = {
    id: `${fieldInputPrefix}${field.id}`,
    label: field.label,
    isRequired: field.required,
    ...(field.required ? { errorMessage: `${field.label} is required` } : {}),
  };
  if (field.kind === 'select') {
    return {
      type: 'Input.ChoiceSet',
      ...common,
      style: 'compact',
      ...(field.placeholder ? { placeholder: field.placeholder } : {}),
      choices: (field.options ?? []).map((o) => ({ title: o.label, value: o.value })),
    };
  }
  return {
    type: 'Input.Text',
    ...common,
    isMultiline: field.kind === 'textarea',
    maxLength: 4000,
    ...(field.placeholder ? { placeholder: field.placeholder } : {}),
  };
}
