from ladderpress.app.cli import main

raise SystemExit(main())
