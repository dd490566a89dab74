// The choice between home delivery and pickup at the shop, with each one's fee in its label: the
// same fieldset on the checkout, the order on account and the quote request.

type Props = {
  legend: string;
  /** What the reader chose last (the form shown again after a refusal); home delivery by default. */
  selected: string | undefined;
  homeDeliveryLabel: string;
  pickupLabel: string;
  error?: string;
};

export function DeliveryMethodChoice({ legend, selected, homeDeliveryLabel, pickupLabel, error }: Props) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <label className="radio">
        <input type="radio" name="deliveryMethod" value="home_delivery" defaultChecked={selected !== 'shop_pickup'} />
        {homeDeliveryLabel}
      </label>
      <label className="radio">
        <input type="radio" name="deliveryMethod" value="shop_pickup" defaultChecked={selected === 'shop_pickup'} />
        {pickupLabel}
      </label>
      {error && <p className="form-error">{error}</p>}
    </fieldset>
  );
}
