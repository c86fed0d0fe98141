import { createBrowserRouter } from 'react-router';
import { AuditPage } from './audit/AuditPage';
import { GoalAuditPage } from './audit/GoalAuditPage';
import { GoalListPage } from './goals/GoalListPage';
import { GoalPage } from './goals/GoalPage';
import { NewGoalPage } from './goals/NewGoalPage';
import { OverviewPage } from './goals/OverviewPage';
import { Layout } from './shell/Layout';
import { NotFound } from './shell/NotFound';
import { SignedOut, SignInCallback } from './shell/SignInCallback';

/** The app's addresses are German words, as people read and share them. */
export const router = createBrowserRouter([
  { path: '/anmeldung', element: <SignInCallback /> },
  { path: '/abgemeldet', element: <SignedOut /> },
  {
    element: <Layout />,
    children: [
      { index: true, element: <OverviewPage /> },
      { path: 'ziele', element: <GoalListPage /> },
      { path: 'ziele/neu', element: <NewGoalPage /> },
      { path: 'ziele/:id', element: <GoalPage /> },
      { path: 'pruefung', element: <AuditPage /> },
      { path: 'pruefung/ziele/:id', element: <GoalAuditPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
