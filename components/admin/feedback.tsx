'use client';

import { usePathname } from 'next/navigation';
import { createContext, useContext, useState, type ReactNode } from 'react';

// Where the back office says "done": one live region at the top of every admin page. A form
// often disappears once its step is taken ("Mettre en préparation" gives way to "Marquer
// expédiée"), so its confirmation cannot live inside it.

type Announce = (message: string) => void;

const FeedbackContext = createContext<Announce | null>(null);

export function FeedbackRegion({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const [feedback, setFeedback] = useState({ message: '', count: 0, pathname });
  const announce: Announce = (message) => setFeedback((previous) => ({ message, count: previous.count + 1, pathname }));
  // A message belongs to the page it was said on.
  const shown = feedback.pathname === pathname ? feedback.message : '';
  return (
    <FeedbackContext value={announce}>
      <div className="feedback" role="status">
        {shown && (
          <p className="form-success" key={feedback.count}>
            {shown}
          </p>
        )}
      </div>
      {children}
    </FeedbackContext>
  );
}

export function useAnnounce(): Announce | null {
  return useContext(FeedbackContext);
}
