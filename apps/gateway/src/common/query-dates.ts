/** The query's date arguments, checked as the application layer checks them (kept here for the read side's imports). */
export { checkedLocalDate, parseAsOf } from '@seguimiento/application';
