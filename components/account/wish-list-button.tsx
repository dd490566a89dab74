import { addToWishListAction } from './wish-list-actions';

/** On the book page, the same for every reader: the action knows who is signed in. */
export function WishListButton({ ean, title }: { ean: string; title: string }) {
  return (
    <form action={addToWishListAction} className="wish-list-form">
      <input type="hidden" name="ean" value={ean} />
      <button type="submit" className="button-secondary" aria-label={`Ajouter à ma liste : « ${title} »`}>
        Ajouter à ma liste
      </button>
    </form>
  );
}
