import '@kern-ux/native/dist/kern.min.css';
import '@kern-ux/native/dist/fonts/fira-sans.css';
import './styles.css';
import './i18n/i18n';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiError } from './api/problem';
import { router } from './router';
import { AuthProvider } from './shell/AuthProvider';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal is an answer; only an unreachable service is worth asking again.
      retry: (failures, error) => failures < 2 && (!(error instanceof ApiError) || error.problem.status >= 500),
      staleTime: 10_000,
    },
  },
});

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </QueryClientProvider>
  </StrictMode>,
);
