// The few words blocks add on their own (screen-reader hints, tone names). Kept in one place so that
// translating them later is one change; everything an admin types comes from props.
export const UI_TEXT = {
  opensInNewTab: 'opens in a new tab',
  imagePlaceholder: 'Choose an image',
  tone: { info: 'Note', success: 'Success', warning: 'Warning', danger: 'Important' },
  email: 'Email',
  phone: 'Phone',
  hours: 'Opening hours',
  address: 'Address',
} as const;
