// A product record as the reader builds it: a small tree of elements with reference names.

export type OnixElement = {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: OnixElement[];
};

export function childrenNamed(element: OnixElement | undefined, name: string): OnixElement[] {
  return element ? element.children.filter((child) => child.name === name) : [];
}

export function childNamed(element: OnixElement | undefined, name: string): OnixElement | undefined {
  return element?.children.find((child) => child.name === name);
}

/** Trimmed text of the first child of that name, or null when absent or empty. */
export function textOf(element: OnixElement | undefined, name: string): string | null {
  const text = childNamed(element, name)?.text.trim();
  return text ? text : null;
}
