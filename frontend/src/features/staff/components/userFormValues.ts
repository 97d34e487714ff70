export interface UserFormValues {
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  culture: string;
  roles: string[];
  is_specialist: boolean;
}

export const EMPTY_USER: UserFormValues = {
  first_name: '',
  last_name: '',
  email: '',
  phone: '',
  culture: '',
  roles: [],
  is_specialist: false,
};

const CULTURES = ['es', 'en', 'pt'] as const;
type Culture = (typeof CULTURES)[number];

function isCulture(value: string): value is Culture {
  return (CULTURES as readonly string[]).includes(value);
}

/** The API's shape: blanks become "not given" (null), the culture falls back to the workspace's. */
export function toUserBody(values: UserFormValues) {
  return {
    first_name: values.first_name,
    last_name: values.last_name,
    email: values.email.trim(),
    phone: values.phone.trim() || null,
    culture: isCulture(values.culture) ? values.culture : null,
    roles: values.roles,
    is_specialist: values.is_specialist,
  };
}
