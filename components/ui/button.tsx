import type { AnchorHTMLAttributes, ButtonHTMLAttributes } from 'react';
import styles from './ui.module.css';

type Variant = 'primary' | 'secondary' | 'danger';
type Look = { variant?: Variant; size?: 'normal' | 'small' };

const classOf = ({ variant = 'secondary', size = 'normal' }: Look, extra?: string) =>
  [styles.button, styles[variant], size === 'small' ? styles.small : '', extra ?? '']
    .filter(Boolean)
    .join(' ');

/** A button of the house style. `type` defaults to "button" (forms say "submit" on purpose). */
export function Button({
  variant,
  size,
  className,
  type = 'button',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & Look) {
  return <button type={type} className={classOf({ variant, size }, className)} {...props} />;
}

/** A link that looks like a button (navigation, downloads). */
export function ButtonLink({
  variant,
  size,
  className,
  ...props
}: AnchorHTMLAttributes<HTMLAnchorElement> & Look & { href: string }) {
  return <a className={classOf({ variant, size }, className)} {...props} />;
}
